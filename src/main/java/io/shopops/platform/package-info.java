/**
 * Users, roles and security, the audit log, shop settings, the page layout and the web
 * support every module uses. Holds no business rules.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package io.shopops.platform;

import org.springframework.modulith.ApplicationModule;
