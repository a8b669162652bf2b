package io.shopops.growth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where tracking codes are used: content pieces, community groups, community activities
 * and creators' cooperation records share one name space, so that an order's content code
 * is attributed to one thing only.
 */
@Component
public class TrackingCodeRegistry {

	/**
	 * The things that carry tracking codes.
	 */
	public enum Owner {

		/** A content piece ({@code content_piece}). */
		CONTENT_PIECE,

		/** A community group ({@code community_group}). */
		COMMUNITY_GROUP,

		/** A community activity ({@code community_activity}). */
		COMMUNITY_ACTIVITY,

		/** A creator's cooperation record ({@code creator_cooperation}). */
		CREATOR_COOPERATION

	}

	private final JdbcClient jdbc;

	TrackingCodeRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether a code is used by anything other than the given one.
	 * @param code the normalised code
	 * @param owner the kind of thing asking
	 * @param self the id of the thing asking, {@code null} for a new one
	 * @return {@code true} when the code is taken
	 */
	public boolean isTaken(String code, Owner owner, Long self) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM content_piece WHERE tracking_code = :code
				                  AND (:owner <> 'CONTENT_PIECE' OR id IS DISTINCT FROM :self))
				    OR EXISTS (SELECT 1 FROM community_group WHERE tracking_code = :code
				                  AND (:owner <> 'COMMUNITY_GROUP' OR id IS DISTINCT FROM :self))
				    OR EXISTS (SELECT 1 FROM community_activity WHERE tracking_code = :code
				                  AND (:owner <> 'COMMUNITY_ACTIVITY' OR id IS DISTINCT FROM :self))
				    OR EXISTS (SELECT 1 FROM creator_cooperation WHERE tracking_code = :code
				                  AND (:owner <> 'CREATOR_COOPERATION' OR id IS DISTINCT FROM :self))""")
			.param("code", code)
			.param("owner", owner.name())
			.param("self", self)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A new random code, free everywhere.
	 * @param prefix the letter that tells what the code tracks (see
	 * {@link TrackingCodes#generate(char)})
	 * @return the code
	 */
	public String freeCode(char prefix) {
		for (int attempt = 0; attempt < 20; attempt++) {
			String code = TrackingCodes.generate(prefix);
			if (!isTaken(code, Owner.CONTENT_PIECE, null)) {
				return code;
			}
		}
		throw new IllegalStateException("no free tracking code");
	}

}
