package org.ncs.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/** A country or territory; its ISO 3166-1 alpha-3 code is also the engine tenant that scopes its work. */
@Entity
@Table(name = "country")
public class Country {

  @Id
  @Column(length = 3)
  private String code;

  @Column(length = 2, nullable = false, unique = true)
  private String alpha2;

  @Column(length = 100, nullable = false)
  private String name;

  /** The ITU region (africa, americas, arab-states, asia-pacific, cis, europe); none for a territory. */
  @Column(length = 16)
  private String region;

  protected Country() {
  }

  public String code() {
    return code;
  }

  public String region() {
    return region;
  }

  /** The English name. */
  public String name() {
    return name;
  }

  /** The name in the reader's language where the platform knows it, the English name otherwise. */
  public String name(Locale locale) {
    String localized = new Locale("", alpha2).getDisplayCountry(locale);
    return localized.isBlank() || localized.equals(alpha2) ? name : localized;
  }
}
