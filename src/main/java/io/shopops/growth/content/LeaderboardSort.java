package io.shopops.growth.content;

/**
 * What the leaderboard ranks pieces by; shown through
 * {@code content.leaderboard.sort.<NAME>}.
 */
enum LeaderboardSort {

	GMV, VIEWS, ENGAGEMENT

}
