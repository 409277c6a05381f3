// What a user's roles allow, as the API's rights say (docs/api.md, "Who may do what"): the pages offer no button
// for an action the platform would refuse. The platform still decides; this only keeps refused actions out of sight.
const RIGHTS = {
  keepRegister: ['VILLAGE_CLERK', 'TOWNSHIP_OFFICER', 'COUNTY_ADMIN', 'PROVINCE_ADMIN'],
  setCountyPrograms: ['COUNTY_ADMIN', 'PROVINCE_ADMIN'],
  manageUsers: ['COUNTY_ADMIN', 'PROVINCE_ADMIN'],
  readAudit: ['PROVINCE_ADMIN', 'COUNTY_ADMIN', 'AUDITOR'],
  managePlatform: ['PROVINCE_ADMIN'],
};

export function can(user, right) {
  return (RIGHTS[right] || []).some((role) => ((user && user.roles) || []).includes(role));
}
