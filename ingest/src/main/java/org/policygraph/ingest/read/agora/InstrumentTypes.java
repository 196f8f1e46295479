package org.policygraph.ingest.read.agora;

import java.util.List;
import java.util.regex.Pattern;

/**
 * AGORA has no column for the kind of instrument; PolicyGraph's {@code instrument_type} is derived from the
 * authority that issued a document and words of its name, by these rules, first match wins (DATA-FORMAT.md lists
 * them too):
 * <ol>
 *   <li>authority "Private-sector companies": {@code corporate-framework};</li>
 *   <li>a name with "Executive Order", "EO", "Memorandum" or "Memo": {@code executive-action};</li>
 *   <li>authority the UN, the OECD or "Other multinational": {@code international-agreement};</li>
 *   <li>a legislature's (Congress, a US state, a city council) resolution (SJR, SCR, ACR, AJR, HJR, HCR,
 *       "Resolution"): {@code resolution};</li>
 *   <li>a name with "Standard", "Standards" or "Standardization", or authority NIST: {@code standard};</li>
 *   <li>Congress or a US state: an advisory, guidance, guidelines or an agency's regulations are
 *       {@code agency-rule}; otherwise {@code statute} when AGORA says Enacted, else {@code bill};</li>
 *   <li>a US city or county: a local law, council or board bill, ordinance: {@code statute} / {@code bill} as
 *       above; other city documents (policies, guidelines) {@code executive-action};</li>
 *   <li>the EU: a regulation, directive or act: {@code statute} / {@code bill}; a Commission decision
 *       {@code executive-action};</li>
 *   <li>a US federal agency: {@code agency-rule}; the Executive Office of the President and "Federal
 *       government": {@code executive-action};</li>
 *   <li>China: measures, provisions, regulations, rules: {@code agency-rule}; plans, opinions, position papers:
 *       {@code executive-action};</li>
 *   <li>another country: an act, a law or a bill: {@code statute} / {@code bill}; else {@code executive-action};</li>
 *   <li>"Other authorities": commitments {@code corporate-framework}, a draft law {@code bill}, else
 *       {@code standard}.</li>
 * </ol>
 */
final class InstrumentTypes {

    /** The closed set of instrument types the AGORA and LegiScan readers give. */
    static final List<String> TYPES = List.of(
            "statute",
            "bill",
            "resolution",
            "executive-action",
            "agency-rule",
            "standard",
            "international-agreement",
            "corporate-framework");

    private static final Pattern EXECUTIVE =
            Pattern.compile("Executive Order|\\bEO\\b|Memorandum|\\bMemo\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RESOLUTION =
            Pattern.compile("\\b(SJR|SCR|ACR|AJR|HJR|HCR|SR|HR \\d+ Res)\\b" + "|\\bResolution\\b");
    private static final Pattern STANDARD =
            Pattern.compile("\\bStandards?\\b|Standardization", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGENCY = Pattern.compile(
            "Advisory|Guidance|Guidelines|Agency|Department of" + "|Draft Risk Assessment", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_LAW =
            Pattern.compile("Local Law|Council|Board Bill|Ordinance", Pattern.CASE_INSENSITIVE);
    private static final Pattern EU_LAW =
            Pattern.compile("Regulation \\(EU\\)|Directive|\\bAct\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHINA_RULE =
            Pattern.compile("Measures|Provisions|Regulations|Rules", Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNTRY_LAW = Pattern.compile("\\bAct\\b|\\bLaw\\b|\\bBill\\b");

    private InstrumentTypes() {}

    /**
     * The instrument type of a document.
     *
     * @param authority its authority, or null when the row names none
     * @param names     its official and casual names, space-joined
     * @param enacted   whether AGORA's most recent activity is Enacted
     */
    static String of(AgoraAuthority authority, String names, boolean enacted) {
        AgoraAuthority.Type type = authority == null ? AgoraAuthority.Type.OTHER : authority.type();
        String law = enacted ? "statute" : "bill";
        if (type == AgoraAuthority.Type.COMPANIES) {
            return "corporate-framework";
        }
        if (EXECUTIVE.matcher(names).find()) {
            return "executive-action";
        }
        if (type == AgoraAuthority.Type.MULTINATIONAL) {
            return "international-agreement";
        }
        boolean legislature = type == AgoraAuthority.Type.CONGRESS
                || type == AgoraAuthority.Type.STATE
                || type == AgoraAuthority.Type.LOCAL;
        if (legislature && RESOLUTION.matcher(names).find()) {
            return "resolution";
        }
        if (STANDARD.matcher(names).find()
                || (authority != null && authority.name().equals("National Institute of Standards and Technology"))) {
            return "standard";
        }
        return switch (type) {
            case CONGRESS, STATE -> AGENCY.matcher(names).find() ? "agency-rule" : law;
            case LOCAL -> LOCAL_LAW.matcher(names).find() ? law : "executive-action";
            case EU -> EU_LAW.matcher(names).find() ? law : "executive-action";
            case FEDERAL_AGENCY -> "agency-rule";
            case FEDERAL_EXECUTIVE -> "executive-action";
            case CHINA -> CHINA_RULE.matcher(names).find() ? "agency-rule" : "executive-action";
            case OTHER_COUNTRY -> COUNTRY_LAW.matcher(names).find() ? law : "executive-action";
            default ->
                names.contains("Commitments") ? "corporate-framework" : names.contains("Law") ? "bill" : "standard";
        };
    }

    /** Whether a type, with AGORA's status, says the instrument binds: enacted statutes do, corporate frameworks not. */
    static Boolean binding(String instrumentType, boolean enacted) {
        if (instrumentType.equals("statute") && enacted) {
            return Boolean.TRUE;
        }
        if (instrumentType.equals("corporate-framework")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
