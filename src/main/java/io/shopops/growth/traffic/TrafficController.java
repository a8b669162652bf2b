package io.shopops.growth.traffic;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Traffic: page views, channels, campaigns and SEO.
 */
@Controller
class TrafficController {

	@GetMapping("/traffic")
	String index() {
		return "growth/traffic/index";
	}

}
