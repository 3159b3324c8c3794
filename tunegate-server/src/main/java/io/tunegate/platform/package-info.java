/**
 * Shared infrastructure every module may use: settings, the embedded database, problem+json errors,
 * identifiers and the persistent scheduler. It owns no business concept.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.tunegate.platform;
