package org.policygraph.web.cache;

import org.policygraph.web.ExternalNeo4jProfile;

import java.util.HashMap;
import java.util.Map;

/** The app with its page cache on, pointed at a Neo4j in another process. */
public class ExternalCachedProfile extends ExternalNeo4jProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("policygraph.cache.enabled", "true");
        return overrides;
    }
}
