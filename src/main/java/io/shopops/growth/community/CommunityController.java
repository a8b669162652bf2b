package io.shopops.growth.community;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Community (私域): groups, activities and group-buys.
 */
@Controller
class CommunityController {

	@GetMapping("/community")
	String index() {
		return "growth/community/index";
	}

}
