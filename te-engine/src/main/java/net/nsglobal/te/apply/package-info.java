/** Apply: render each site's BIRD 2 config (Freemarker, sites/templates) and reconfigure BIRD; then re-measure. */
package net.nsglobal.te.apply;
