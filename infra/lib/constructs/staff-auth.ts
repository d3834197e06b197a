// Staff sign-in: a Cognito user pool only administrators add people to, the staff and admin groups, and the console's app client.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** How long a staff access token lasts: how long a disabled member may still act. */
export const STAFF_TOKEN_MINUTES = 15;

export interface StaffAuthProps {
  retainData: boolean;
  mfa: 'optional' | 'required';
  siteName: string;
}

/** Group names the staff function reads from the token's cognito:groups claim. */
export const STAFF_GROUPS = { staff: 'staff', admin: 'admin' } as const;

export class StaffAuth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: StaffAuthProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Nobody signs themselves up: an administrator creates each account (docs/deployment.md).
      selfSignUpEnabled: false,
      // The user name is the staff member's e-mail address (as with the local stand-in), so tokens and the console show it
      // instead of the opaque id an e-mail sign-in alias would put in the token's username claim.
      signInAliases: { username: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // TOTP apps only: SMS costs money per message, needs an SNS role, and is the weaker factor.
      mfa: props.mfa === 'required' ? cognito.Mfa.REQUIRED : cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus: compromised-credential checks and adaptive authentication, blocking risky sign-ins (a few cents a month for a small team).
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: `${props.siteName}: your staff account`,
        emailBody: `You have a staff account for ${props.siteName}. Sign in with {username} and the temporary password {####} within 3 days, then choose your own password.`,
      },
      deletionProtection: props.retainData,
      removalPolicy: props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.userPool.addGroup('StaffGroup', {
      groupName: STAFF_GROUPS.staff,
      description: 'Investor-relations staff: read and answer inquiries',
      precedence: 10,
    });
    this.userPool.addGroup('AdminGroup', {
      groupName: STAFF_GROUPS.admin,
      description: 'Administrators: also erase personal data and export reports',
      precedence: 0,
    });
    this.client = this.userPool.addClient('ConsoleClient', {
      // A browser app cannot keep a secret; SRP keeps the password off the wire, USER_PASSWORD_AUTH is there for simple clients.
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // Short: a disabled or removed member can no longer refresh, so they lose access within 15 minutes; the console
      // refreshes quietly for everyone else (site/islands/staff/session.ts).
      accessTokenValidity: Duration.minutes(STAFF_TOKEN_MINUTES),
      idTokenValidity: Duration.minutes(STAFF_TOKEN_MINUTES),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
