package io.shopops.growth.content;

import io.shopops.platform.WorkQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The content card of the operator home: pieces due within a week, or late.
 */
@Configuration(proxyBeanMethods = false)
class ContentWorkQueues {

	@Bean
	WorkQueue contentDueQueue(ContentQueries queries) {
		return new WorkQueue() {

			@Override
			public String labelKey() {
				return "queue.contentDue";
			}

			@Override
			public String path() {
				return "/content?view=list&due=week";
			}

			@Override
			public String icon() {
				return "calendar-event";
			}

			@Override
			public long count() {
				return queries.countDue();
			}

		};
	}

}
