package org.ncs.document;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where files are kept: {@code ncs.files.store} is {@code database} (the default) or {@code directory}. */
@Configuration
class DocumentConfiguration {

  @Bean
  FileContents fileContents(@Value("${ncs.files.store:database}") String store,
      @Value("${ncs.files.directory:./data/files}") Path directory, JdbcTemplate jdbc) throws IOException {
    return switch (store) {
      case "database" -> new DatabaseContents(jdbc);
      case "directory" -> new DirectoryContents(directory);
      default -> throw new IllegalStateException("ncs.files.store must be 'database' or 'directory', not '"
          + store + "'");
    };
  }
}
