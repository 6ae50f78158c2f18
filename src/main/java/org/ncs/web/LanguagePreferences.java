package org.ncs.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The language each person chose, remembered across sessions and machines, and applied to their session. */
@Service
public class LanguagePreferences {

  private final UserPreferenceRepository preferences;
  private final Clock clock;

  LanguagePreferences(UserPreferenceRepository preferences, Clock clock) {
    this.preferences = preferences;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<Locale> of(String userId) {
    return preferences.findById(userId).map(UserPreference::language).flatMap(Languages::of);
  }

  /** Remembers the language for the person, if signed in, and uses it for the rest of the session. */
  @Transactional
  public void choose(HttpServletRequest request, String userId, Locale language) {
    if (userId != null) {
      UserPreference preference = preferences.findById(userId).orElseGet(() -> new UserPreference(userId));
      preference.choose(language.getLanguage(), clock.instant());
      preferences.save(preference);
    }
    request.getSession().setAttribute(UserLocaleResolver.SESSION_ATTRIBUTE, language);
  }

  /** At sign-in: the person's remembered language, if any, replaces whatever the session had. */
  public void apply(HttpServletRequest request, String userId) {
    of(userId).ifPresent(language -> request.getSession().setAttribute(UserLocaleResolver.SESSION_ATTRIBUTE,
        language));
  }
}
