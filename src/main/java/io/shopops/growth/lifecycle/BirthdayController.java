package io.shopops.growth.lifecycle;

import java.time.MonthDay;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The birthday form on the customer page: sets a birthday, or clears it when both fields
 * are empty.
 */
@Controller
class BirthdayController {

	private final LifecycleBirthdays birthdays;

	BirthdayController(LifecycleBirthdays birthdays) {
		this.birthdays = birthdays;
	}

	@PostMapping("/crm/customers/{id:\\d{1,18}}/birthday")
	String save(@PathVariable long id, @RequestParam(required = false) String month,
			@RequestParam(required = false) String day, RedirectAttributes redirect) {
		boolean clear = LifecycleRules.blankToNull(month) == null && LifecycleRules.blankToNull(day) == null;
		MonthDay birthday = clear ? null : LifecycleBirthdays.parse(month, day);
		if (!clear && birthday == null) {
			redirect.addFlashAttribute("error", "lifecycle.birthday.invalid");
			return "redirect:/crm/customers/" + id;
		}
		if (!this.birthdays.set(id, birthday)) {
			throw new LifecycleNotFoundException("customer", id);
		}
		redirect.addFlashAttribute("message",
				clear ? "lifecycle.birthday.flash.cleared" : "lifecycle.birthday.flash.saved");
		return "redirect:/crm/customers/" + id;
	}

}
