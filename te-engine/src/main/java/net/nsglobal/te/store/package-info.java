/** Measurement storage behind one interface: plain PostgreSQL (default, tested) or TimescaleDB hypertables. */
package net.nsglobal.te.store;
