package org.policygraph.web.cache;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The app with its page cache on, as in production. The other tests run with it off (application.properties'
 * {@code %test.policygraph.cache.enabled=false}): they write probes into the graph through the driver, which does
 * not bump the graph's version, and then expect pages to show them at once.
 */
public class CachedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("policygraph.cache.enabled", "true");
    }
}
