package io.shopops.growth.community;

import java.time.Instant;
import java.util.List;

import io.shopops.platform.StaffTasks;

import org.springframework.stereotype.Component;

/**
 * The signed-in user's SOP tasks for their home page.
 */
@Component
class CommunityStaffTasks implements StaffTasks {

	private final CommunityQueries queries;

	CommunityStaffTasks(CommunityQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<StaffTask> openFor(String username, Instant until, int limit) {
		return this.queries.openFor(username, until, limit)
			.stream()
			.map((task) -> new StaffTask(task.title(), task.groupName(), task.dueAt(),
					"/community/groups/" + task.groupId(), "/community/tasks/" + task.id() + "/done",
					"/community/tasks/" + task.id() + "/skip"))
			.toList();
	}

}
