package org.ncs.notification;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The people a text names as {@code @user} ("ask @mar.drafting"), not an email address's domain. */
public final class Mentions {

  private static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([A-Za-z0-9][A-Za-z0-9._-]{0,62})");

  private Mentions() {
  }

  /** The user ids named, in order, each once; a full stop that ends the sentence is not part of one. */
  public static Set<String> in(String text) {
    Set<String> named = new LinkedHashSet<>();
    if (text == null) {
      return named;
    }
    Matcher matcher = MENTION.matcher(text);
    while (matcher.find()) {
      named.add(matcher.group(1).replaceAll("[._-]+$", ""));
    }
    return named;
  }
}
