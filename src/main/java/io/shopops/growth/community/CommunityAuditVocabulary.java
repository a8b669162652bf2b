package io.shopops.growth.community;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions of community groups, activities, SOP items and tasks, so that the
 * audit log names them.
 */
@Configuration(proxyBeanMethods = false)
class CommunityAuditVocabulary {

	@Bean
	AuditVocabulary communityGroupActions() {
		return new AuditVocabulary("community_group",
				List.of("COMMUNITY_GROUP_CREATED", "COMMUNITY_GROUP_UPDATED", "COMMUNITY_GROUP_ARCHIVED",
						"COMMUNITY_GROUP_RESTORED", "COMMUNITY_MEMBERS_RECORDED", "COMMUNITY_MEMBERS_IMPORTED"));
	}

	@Bean
	AuditVocabulary communityActivityActions() {
		return new AuditVocabulary("community_activity",
				List.of("COMMUNITY_ACTIVITY_CREATED", "COMMUNITY_ACTIVITY_UPDATED"));
	}

	@Bean
	AuditVocabulary communitySopActions() {
		return new AuditVocabulary("community_sop", List.of("COMMUNITY_SOP_CREATED", "COMMUNITY_SOP_UPDATED",
				"COMMUNITY_SOP_PAUSED", "COMMUNITY_SOP_RESUMED"));
	}

	@Bean
	AuditVocabulary communityTaskActions() {
		return new AuditVocabulary("community_task", List.of("COMMUNITY_TASK_DONE", "COMMUNITY_TASK_SKIPPED"));
	}

}
