export * from './members';
export * from './organizers';
export * from './audit';
export * from './searches';
export * from './introductions';
export * from './events';
export * from './slack-users';
export * from './deliveries';
