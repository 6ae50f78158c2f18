package org.ncs.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Files in a bucket of an S3-compatible object store (AWS S3, MinIO, Ceph, …), one object per stored file, keyed
 * by its id under an optional prefix: nothing of the uploaded name reaches the store. Credentials come from the
 * AWS SDK's default chain (the environment's {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, a
 * profile, or the machine's role). The object is written once its upload has been checked, outside the database
 * transaction: an upload whose transaction rolls back has its object deleted ({@link #discard}).
 */
class ObjectStoreContents implements FileContents {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  /**
   * @param endpoint the store's address, for anything but AWS itself (empty for AWS)
   * @param pathStyle addresses the bucket in the path ({@code host/bucket/key}), as most stores other than AWS need
   */
  ObjectStoreContents(String bucket, String prefix, String region, String endpoint, boolean pathStyle) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalStateException("ncs.files.s3.bucket (NCS_FILES_S3_BUCKET) names the bucket of "
          + "ncs.files.store=s3");
    }
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(region))
        // a plain body: not every S3-compatible store decodes the SDK's signed chunks (s3rver keeps them as bytes)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle)
            .chunkedEncodingEnabled(false).build())
        // the integrity checks every S3-compatible store understands: not all take the SDK's newer checksums
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    this.s3 = builder.build();
    this.bucket = bucket;
    this.prefix = prefix == null ? "" : prefix;
  }

  @Override
  public void write(String fileId, Path source) throws IOException {
    long size = Files.size(source);
    try {
      s3.putObject(put -> put.bucket(bucket).key(key(fileId)).contentLength(size), RequestBody.fromFile(source));
    } catch (SdkException e) {
      throw new IOException("The object store did not take file " + fileId + ": " + e.getMessage(), e);
    }
  }

  /** An object's length must be known before it is sent: the bytes wait in a temporary file meanwhile. */
  @Override
  public void write(String fileId, InputStream content) throws IOException {
    Path spooled = Files.createTempFile("ncs-object-", ".bin");
    try {
      Files.copy(content, spooled, StandardCopyOption.REPLACE_EXISTING);
      write(fileId, spooled);
    } finally {
      Files.deleteIfExists(spooled);
    }
  }

  @Override
  public InputStream read(String fileId) throws IOException {
    try {
      return s3.getObject(get -> get.bucket(bucket).key(key(fileId)));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(key(fileId));
    } catch (SdkException e) {
      throw new IOException("The object store did not give file " + fileId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void discard(String fileId) throws IOException {
    try {
      s3.deleteObject(delete -> delete.bucket(bucket).key(key(fileId)));
    } catch (SdkException e) {
      throw new IOException("The object store did not delete file " + fileId + ": " + e.getMessage(), e);
    }
  }

  /** Called by Spring when the service stops: the client's connections go. */
  public void close() {
    s3.close();
  }

  private String key(String fileId) {
    return prefix + fileId;
  }
}
