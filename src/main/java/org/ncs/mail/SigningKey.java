package org.ncs.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs the links in emails (HMAC-SHA256), so that one can act through them without signing in, and nobody can
 * make one up. The key is {@code ncs.mail.link-key} if set; otherwise one made at random on first use and kept in
 * the database, so that every node of a cluster checks what any node signed, and a restart keeps links working.
 */
@Component
class SigningKey {

  private static final String NAME = "mail-links";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;
  private final Clock clock;
  private final String configured;
  private volatile byte[] key;

  SigningKey(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
      @Value("${ncs.mail.link-key:}") String configured) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.configured = configured;
  }

  /** The signature of the text, URL-safe. */
  String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** Whether the signature is the text's, compared in constant time. */
  boolean verify(String text, String signature) {
    return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] key() {
    byte[] known = key;
    if (known == null) {
      known = configured.isBlank() ? stored() : configured.getBytes(StandardCharsets.UTF_8);
      key = known;
    }
    return known;
  }

  /** The database's key, made now if there is none; two nodes making one at once agree on the first. */
  private byte[] stored() {
    List<String> found = read();
    if (found.isEmpty()) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      try {
        own.executeWithoutResult(status -> jdbc.update("insert into signing_key (name, secret, created_at)"
            + " values (?, ?, ?)", NAME, Base64.getEncoder().encodeToString(fresh), Timestamp.from(clock.instant())));
      } catch (DuplicateKeyException e) {
        // another node was first: its key it is
      }
      found = read();
    }
    return Base64.getDecoder().decode(found.get(0));
  }

  private List<String> read() {
    return own.execute(status -> jdbc.queryForList("select secret from signing_key where name = ?", String.class,
        NAME));
  }
}
