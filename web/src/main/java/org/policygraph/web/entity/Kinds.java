package org.policygraph.web.entity;

import org.policygraph.model.Kind;
import org.policygraph.web.system.WebException;

/** Resolves the kind named in a URL. */
public final class Kinds {

    /** The kinds as they appear in URLs, as a JAX-RS path regex; kept in step with {@link Kind} by a test. */
    public static final String PATH_REGEX =
            "jurisdictions|regulations|provisions|risk-tiers|obligations|organisations|people|models|stances|concepts|claims|sources|incidents|events|groups";

    private Kinds() {}

    public static Kind fromPath(String plural) {
        return Kind.byPlural(plural)
                .orElseThrow(() -> WebException.notFound("There is no kind called '" + plural + "'."));
    }
}
