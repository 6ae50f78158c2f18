package org.ncs.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A different country for every engagement a test opens: a country has one active engagement per cycle, and the
 * tests of a run share one database. Morocco, Rwanda, the Bahamas, Namibia and Zambia are left to the tests that
 * name them.
 */
public final class TestCountries {

  /** Every country {@link #next()} hands out, in order. */
  public static final List<String> CODES = List.of("GHA", "KEN", "SEN", "JOR", "TUN", "FJI", "PER", "CHL", "VNM",
      "IDN", "LKA", "NPL", "BEN", "CMR", "ETH", "UGA", "TZA", "MWI", "MOZ", "BWA", "LSO", "SWZ", "AGO", "MDG",
      "MUS", "SYC", "COM", "CPV", "GMB", "GIN", "LBR", "SLE", "TGO", "NER", "MLI", "BFA", "TCD", "GAB", "COG",
      "CAF", "DJI", "ERI", "SOM", "SDN", "EGY", "DZA", "LBY", "MRT", "JAM", "TTO", "BRB", "GUY", "SUR", "BLZ",
      "HND", "GTM", "SLV", "NIC", "CRI", "PAN", "ARG", "BOL", "BRA", "COL", "ECU", "PRY", "URY", "VEN", "MEX",
      "CUB", "DOM", "HTI", "KHM", "LAO", "MMR", "THA", "MYS", "PHL", "MNG", "BTN", "BGD", "PAK", "AFG", "IRQ",
      "LBN", "OMN", "QAT", "KWT", "BHR", "YEM", "ARM", "GEO", "AZE", "KAZ", "KGZ", "TJK", "UZB", "TKM", "MDA",
      "UKR", "ALB", "MKD", "SRB", "MNE", "BIH", "PNG", "SLB", "VUT", "WSM", "TON", "KIR", "TUV", "NRU", "PLW");
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestCountries() {
  }

  public static String next() {
    return CODES.get(NEXT.getAndIncrement() % CODES.size());
  }
}
