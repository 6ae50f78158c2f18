package org.ncs.catalogue;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param locations resource patterns of the edition data files, one file per edition */
@ConfigurationProperties("ncs.catalogue")
record CatalogueProperties(@DefaultValue("classpath*:catalogue/*.yaml") List<String> locations) {
}
