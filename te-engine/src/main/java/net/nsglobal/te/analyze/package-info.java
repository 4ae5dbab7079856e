/** Analysis: catchment per site, RTT against the unicast oracle, and what-if predictions (AnyOpt/AnyPro style). */
package net.nsglobal.te.analyze;
