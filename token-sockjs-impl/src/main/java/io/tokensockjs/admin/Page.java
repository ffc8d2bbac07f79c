package io.tokensockjs.admin;

import java.util.List;

/** One page of a listing: its items, where it starts, its size limit, and how many match in all. */
public record Page<T>(List<T> items, int offset, int limit, int total) {
}
