/** Proposals: BGP prepend and community changes with their predicted effect, awaiting operator approval. */
package net.nsglobal.te.propose;
