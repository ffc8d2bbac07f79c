#!/bin/sh
# Prints the dependency graph between the packages of token-sockjs-impl, one edge "from -> to" per line, read by
# jdeps from the compiled classes. Build them first, from the project root:
#   mvn -B -q -pl token-sockjs-impl -am compile && sh token-sockjs-impl/package-graph.sh
# The rules those edges must follow are checked by io.tokensockjs.ArchitectureTest (mvn verify) and written in
# each package's package-info.java.
cd "$(dirname "$0")" || exit 1
jdeps -verbose:package -filter:none -e 'io\.tokensockjs\..*' target/classes \
    | awk '$3 ~ /^io\.tokensockjs\./ && $1 != $3 && $4 == "classes" { print $1, "->", $3 }' | sort -u
