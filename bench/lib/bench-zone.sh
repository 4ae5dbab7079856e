# bench/lib/bench-zone.sh: the benchmark zone and query mix, sourced (not run) by dns-bench.sh and node-footprint.sh.
# bench.test: 20,000 hosts (A, half with AAAA, some MX/TXT), a wildcard, CNAMEs, a delegation. Unsigned, DO=0.
gen_zone() { # origin hosts
  awk -v origin="$1" -v hosts="$2" 'BEGIN {
    srand(42)
    print "$ORIGIN " origin; print "$TTL 3600"
    print "@ IN SOA ns1 hostmaster 1 3600 900 604800 300"
    print "@ IN NS ns1"; print "@ IN NS ns2"; print "@ IN MX 10 mail"
    print "ns1 IN A 192.0.2.1"; print "ns2 IN A 192.0.2.2"; print "mail IN A 192.0.2.3"
    print "*.wild IN A 192.0.2.4"; print "www IN CNAME h1"
    print "deleg IN NS ns.deleg"; print "ns.deleg IN A 192.0.2.5"
    for (i = 0; i < hosts; i++) {
      printf "h%d IN A 10.%d.%d.%d\n", i, int(i / 65536) % 256, int(i / 256) % 256, i % 256
      if (i % 2 == 0) printf "h%d IN AAAA 2001:db8::%x\n", i, i
      if (i % 10 == 0) printf "h%d IN MX 10 mail\n", i
      if (i % 7 == 0) printf "h%d IN TXT \"host %d\"\n", i, i
    }
  }'
}
# 70% existing A/AAAA, 10% MX/TXT, 10% NXDOMAIN, 5% NODATA, 5% wildcard/CNAME/referral.
gen_queries() { # origin hosts count
  awk -v origin="$1" -v hosts="$2" -v n="$3" 'BEGIN {
    srand(7)
    for (q = 0; q < n; q++) {
      r = rand(); h = int(rand() * hosts)
      if (r < 0.50) print "h" h "." origin " A"
      else if (r < 0.70) print "h" (h - h % 2) "." origin " AAAA"
      else if (r < 0.75) print "h" (h - h % 10) "." origin " MX"
      else if (r < 0.80) print "h" (h - h % 7) "." origin " TXT"
      else if (r < 0.90) print "nx" h "." origin " A"
      else if (r < 0.95) print "h" h "." origin " SRV"
      else if (r < 0.97) print "x" h ".wild." origin " A"
      else if (r < 0.99) print "www." origin " A"
      else print "host.deleg." origin " A"
    }
  }'
}
