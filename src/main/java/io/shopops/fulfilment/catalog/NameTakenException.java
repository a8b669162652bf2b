package io.shopops.fulfilment.catalog;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Another request took the brand name or category path between the check and the save,
 * such as a double-submitted form: the unique index refused the second.
 */
class NameTakenException extends RuntimeException {

	NameTakenException() {
		super("Name taken");
	}

	/**
	 * Makes a change unless there is a problem, and flashes the outcome: a name taken
	 * meanwhile (a double submit) is the same "already exists" message as one taken
	 * before.
	 * @param problem the message key of a problem found before the change, or
	 * {@code null}
	 * @param change the change, which may throw this exception
	 * @param duplicateKey the message key of "already exists"
	 * @param successKey the message key of success
	 * @param redirect where the outcome is flashed
	 */
	static void flash(String problem, Runnable change, String duplicateKey, String successKey,
			RedirectAttributes redirect) {
		String refusal = problem;
		if (refusal == null) {
			try {
				change.run();
			}
			catch (NameTakenException ex) {
				refusal = duplicateKey;
			}
		}
		if (refusal != null) {
			redirect.addFlashAttribute("error", refusal);
		}
		else {
			redirect.addFlashAttribute("message", successKey);
		}
	}

}
