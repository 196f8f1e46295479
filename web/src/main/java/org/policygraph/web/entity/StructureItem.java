package org.policygraph.web.entity;

import org.policygraph.web.ref.EntityRef;

/**
 * A provision as listed in its regulation's table of contents.
 *
 * @param ref      the provision
 * @param chapter  the chapter it sits in, or null
 * @param type     article, annex, section, recital...
 * @param number   its number, e.g. "5" or "III"
 * @param title    its title, or null
 * @param position its order in the text
 */
public record StructureItem(EntityRef ref, String chapter, String type, String number, String title, long position) {}
