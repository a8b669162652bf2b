package io.shopops.growth.community;

/**
 * Whether an SOP item is a post to the group or another task.
 */
enum SopKind {

	POST, TASK

}
