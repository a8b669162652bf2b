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
		return WorkQueue.of("queue.contentDue", "/content?view=list&due=week", "calendar-event", queries::countDue);
	}

}
