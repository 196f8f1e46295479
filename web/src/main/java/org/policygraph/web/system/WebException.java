package org.policygraph.web.system;

/**
 * The one unchecked exception of the web module: a problem to show the user, with its HTTP status and a title.
 * {@link ErrorMapper} turns it into the error page, or a JSON problem under {@code /api}.
 */
public class WebException extends RuntimeException {

    private final int status;
    private final String title;

    public WebException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    /** Nothing of this kind with this id, or no such page. */
    public static WebException notFound(String detail) {
        return new WebException(404, "Not found", detail);
    }

    /** A request parameter is wrong; the detail says which and why. */
    public static WebException badRequest(String detail) {
        return new WebException(400, "Bad request", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
