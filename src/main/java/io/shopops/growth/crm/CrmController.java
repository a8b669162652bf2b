package io.shopops.growth.crm;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * CRM: customers, tiers, points, coupons and segments.
 */
@Controller
class CrmController {

	@GetMapping("/crm")
	String index() {
		return "growth/crm/index";
	}

}
