package org.ncs.document;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where files are kept: {@code ncs.files.store} is {@code database} (the default), {@code directory} or {@code s3}
 * (an S3-compatible object store, {@code ncs.files.s3.*}).
 */
@Configuration
class DocumentConfiguration {

  @Bean
  FileContents fileContents(@Value("${ncs.files.store:database}") String store,
      @Value("${ncs.files.directory:./data/files}") Path directory, JdbcTemplate jdbc,
      @Value("${ncs.files.s3.bucket:}") String bucket, @Value("${ncs.files.s3.prefix:}") String prefix,
      @Value("${ncs.files.s3.region:us-east-1}") String region, @Value("${ncs.files.s3.endpoint:}") String endpoint,
      @Value("${ncs.files.s3.path-style:false}") boolean pathStyle) throws IOException {
    return switch (store) {
      case "database" -> new DatabaseContents(jdbc);
      case "directory" -> new DirectoryContents(directory);
      case "s3" -> new ObjectStoreContents(bucket, prefix, region, endpoint, pathStyle);
      default -> throw new IllegalStateException("ncs.files.store must be 'database', 'directory' or 's3', not '"
          + store + "'");
    };
  }
}
