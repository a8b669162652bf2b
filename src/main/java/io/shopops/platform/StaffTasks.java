package io.shopops.platform;

import java.time.Instant;
import java.util.List;

/**
 * Dated tasks for one member of staff, contributed by a module as a bean and listed on
 * that user's home page (for example the community SOP posts due today).
 */
public interface StaffTasks {

	/**
	 * The user's open tasks due before a time, overdue ones included, earliest first.
	 * @param username the signed-in user
	 * @param until the end of the window, exclusive (the end of today on the home page)
	 * @param limit the most tasks to return
	 * @return the tasks, never {@code null}
	 */
	List<StaffTask> openFor(String username, Instant until, int limit);

	/**
	 * One task as the home page shows it.
	 *
	 * @param title what to do
	 * @param context where, for example the group's name
	 * @param dueAt when it is due
	 * @param path the page of the task
	 * @param donePath where a POST marks it done
	 * @param skipPath where a POST marks it skipped
	 */
	record StaffTask(String title, String context, Instant dueAt, String path, String donePath, String skipPath) {
	}

}
