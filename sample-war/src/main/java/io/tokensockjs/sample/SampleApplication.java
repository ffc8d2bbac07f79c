package io.tokensockjs.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The sample's ordinary REST API. */
@ApplicationPath("/api")
public class SampleApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MeResource.class, StatsResource.class);
    }
}
