/**
 * The shared household registry (建档立卡) as data: immutable records for households, members, their histories and
 * regions, the national code lists with zh-CN/en labels, {@link org.fupin.registry.model.IdNumber}. What a program
 * plugin sees of the registry (through the program API's rule context); the services that read and write the
 * registry are platform-only ({@code org.fupin.registry.api}). 1.2: {@link org.fupin.registry.model.Assurance}, one
 * item of 两不愁三保障, and the copies that set them.
 */
@Export
@Version("1.2.0")
package org.fupin.registry.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
