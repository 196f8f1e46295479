/** Index pages per kind, a page for every node with its relationships and sources, and their JSON twins. */
package org.policygraph.web.entity;
