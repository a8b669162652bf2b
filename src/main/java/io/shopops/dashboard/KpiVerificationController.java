package io.shopops.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;

import io.shopops.dashboard.KpiRange.InvalidKpiRequestException;
import io.shopops.platform.ShopSettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' verification of the KPI rollups: recomputes a range from the facts the
 * listeners stored and lists every figure that differs; a rebuild recomputes the rollups.
 */
@Controller
class KpiVerificationController {

	static final int DEFAULT_DAYS = 30;

	private final KpiVerification verification;

	private final KpiCatchUp catchUp;

	private final KpiRollups rollups;

	private final ShopSettings settings;

	KpiVerificationController(KpiVerification verification, KpiCatchUp catchUp, KpiRollups rollups,
			ShopSettings settings) {
		this.verification = verification;
		this.catchUp = catchUp;
		this.rollups = rollups;
		this.settings = settings;
	}

	@GetMapping("/dashboard/verify")
	String verify(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		ZoneId zone = this.settings.current().timeZone();
		KpiRange range;
		try {
			range = (from == null && to == null) ? lastDays(zone) : KpiRange.parse(from, to, zone);
		}
		catch (InvalidKpiRequestException ex) {
			model.addAttribute("problem", ex.messageKey());
			range = lastDays(zone);
		}
		model.addAttribute("range", range);
		model.addAttribute("result", this.verification.verify(range));
		model.addAttribute("rollupZone", this.rollups.zone().getId());
		model.addAttribute("shopZone", zone.getId());
		model.addAttribute("rebuiltAt", this.rollups.rebuiltAt()
			.map((at) -> java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(at.atZone(zone)))
			.orElse(null));
		return "dashboard/verify";
	}

	@PostMapping("/dashboard/verify/rebuild")
	String rebuild(RedirectAttributes redirect) {
		this.catchUp.rebuild();
		redirect.addFlashAttribute("message", "kpi.verify.rebuilt");
		return "redirect:/dashboard/verify";
	}

	private static KpiRange lastDays(ZoneId zone) {
		LocalDate today = LocalDate.now(zone);
		return new KpiRange(today.minusDays(DEFAULT_DAYS - 1), today);
	}

}
