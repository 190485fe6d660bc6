package org.cutover.process;

import org.cutover.migration.LetterDesk;
import org.cutover.notify.LetterKind;
import org.springframework.stereotype.Component;

/** "Send welcome letter": the welcome letter to read and edit before it goes to every user. */
@Component("welcomeLetterReview")
class WelcomeLetterReview extends LetterReview {

  WelcomeLetterReview(LetterDesk desk) {
    super(desk, LetterKind.WELCOME, "Velkomstbrevet");
  }
}
