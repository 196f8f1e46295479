package org.policygraph.web;

import io.quarkus.test.junit.QuarkusTest;

/** The site on the embedded database loaded with the default data. */
@QuarkusTest
class PagesTest extends PagesContract {}
