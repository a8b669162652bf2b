package io.shopops.dashboard;

import java.util.List;

import org.springframework.ui.Model;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The managers' daily KPI page. It lists every KPI with its formula; figures appear as
 * orders and traffic arrive.
 */
@Controller
class DashboardController {

	static final List<String> KPIS = List.of("uv", "pv", "paidOrders", "gmv", "payingBuyers", "conversion",
			"spendPerBuyer", "aov", "refundRate", "repurchaseRate", "roi", "ltv");

	@GetMapping("/dashboard")
	String index(Model model) {
		model.addAttribute("kpis", KPIS);
		return "dashboard/index";
	}

}
