/**
 * The shared household registry (建档立卡) as every platform bundle and program plugin sees it: immutable
 * records for households, members and regions, the national code lists with zh-CN/en labels, the registry
 * and region services, and the exceptions they throw.
 */
@Export
@Version("1.2.0")
package org.fupin.registry.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
