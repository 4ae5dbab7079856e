/**
 * {@code nsglobal atlas}: operator commands on RIPE Atlas (picocli): {@code probes}, {@code catchment} (a CHAOS TXT
 * {@code hostname.bind} + NSID measurement, with the credits the API says it will cost; its id is printed before any
 * follow-up, and {@code --resume ID} goes on from it without buying another), {@code results}, {@code list},
 * {@code stop} and {@code credits}. API warnings go to stderr. Output is an aligned table or JSON lines, written as rows arrive so a results stream of any length
 * prints in constant memory; API failures become one readable line and exit status 1. The environment is injected so
 * tests never read the real {@code RIPE_ATLAS_KEY}.
 *
 * <p>Uses {@code api}, {@code model}, {@code probes} and {@code results}. Used by the launcher ({@code
 * net.nsglobal.cli}).
 */
package net.nsglobal.atlas.cli;
