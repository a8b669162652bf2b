package io.shopops.fulfilment.aftersales.review;

import java.util.List;

import io.shopops.platform.AuditVocabulary;
import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.WorkQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reviews' navigation entry, their card on the operator home (bad reviews nobody
 * answered) and their audit actions.
 */
@Configuration(proxyBeanMethods = false)
class ReviewWebConfiguration {

	static final String OPEN_BAD_PATH = "/after-sales/reviews?bad=open";

	@Bean
	NavigationItem reviewsNavigation() {
		return new NavigationItem(Section.FULFILMENT, 42, "reviews.nav", "/after-sales/reviews", "star-half");
	}

	@Bean
	WorkQueue openBadReviewsQueue(ReviewQuery query) {
		return new WorkQueue() {

			@Override
			public String labelKey() {
				return "reviews.queue.openBad";
			}

			@Override
			public String path() {
				return OPEN_BAD_PATH;
			}

			@Override
			public String icon() {
				return "star-half";
			}

			@Override
			public long count() {
				return query.countOpenBad();
			}

		};
	}

	@Bean
	AuditVocabulary reviewActions() {
		return new AuditVocabulary("review", List.of("REVIEW_CREATED", "REVIEW_REPLIED", "REVIEW_REPLY_EDITED",
				"REVIEW_HIDDEN", "REVIEW_UNHIDDEN", "REVIEW_TICKET_OPENED"));
	}

	@Bean
	AuditVocabulary reviewImportActions() {
		return new AuditVocabulary("reviews", List.of("REVIEWS_IMPORTED"));
	}

}
