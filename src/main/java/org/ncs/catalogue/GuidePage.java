package org.ncs.catalogue;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The guide as the service knows it: its phases and steps, principles, focus areas and good-practice elements,
 * each with how sure we are of it. The texts are the edition's own, in English, until a translated edition file
 * exists.
 */
@Controller
class GuidePage {

  private final Catalogue catalogue;

  GuidePage(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/guide")
  String guide(Model model, Locale locale) {
    model.addAttribute("edition", catalogue.current());
    model.addAttribute("translated", "en".equals(locale.getLanguage()));
    model.addAttribute("section", "guide");
    return "catalogue/guide";
  }
}
