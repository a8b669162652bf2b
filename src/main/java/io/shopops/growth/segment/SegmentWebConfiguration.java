package io.shopops.growth.segment;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The navigation entry of the segments, below the customers. Access: the growth rules let
 * operators open {@code /crm/**}; the RFM recompute checks for a manager itself.
 */
@Configuration(proxyBeanMethods = false)
class SegmentWebConfiguration {

	@Bean
	NavigationItem segmentsNavigation() {
		return new NavigationItem(Section.GROWTH, 41, "nav.segments", "/crm/segments", "diagram-3");
	}

}
