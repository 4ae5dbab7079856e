/** The {@code te} operator commands: proposals listed, shown, approved and rejected from the command line. */
package net.nsglobal.te.cli;
