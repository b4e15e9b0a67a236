// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ILaunchpad} from "./ILaunchpad.sol";

/// @title LaunchpadConfig
/// @notice The owner's settings of the launchpad: trading fee (capped at 10%), fee recipient and migration fee
///         (capped at 10 ETH, of the ~85 ETH a curve raises). Ownership moves in two steps.
abstract contract LaunchpadConfig is ILaunchpad, Ownable2Step {
    /// @notice Highest trading fee: 10%.
    uint16 public constant MAX_FEE_BPS = 1_000;

    /// @notice Highest migration fee.
    uint256 public constant MAX_MIGRATION_FEE = 10 ether;

    uint16 private _feeBps;
    address private _feeRecipient;
    uint256 private _migrationFee;

    /// @param owner_ Who may change the settings.
    /// @param feeRecipient_ Where fees go.
    /// @param feeBps_ Trading fee in basis points (pump.fun: 100).
    constructor(address owner_, address feeRecipient_, uint16 feeBps_) Ownable(owner_) {
        _setFeeRecipient(feeRecipient_);
        _setFeeBps(feeBps_);
    }

    /// @inheritdoc ILaunchpad
    function setFeeBps(uint16 feeBps_) external onlyOwner {
        _setFeeBps(feeBps_);
    }

    /// @inheritdoc ILaunchpad
    function setFeeRecipient(address feeRecipient_) external onlyOwner {
        _setFeeRecipient(feeRecipient_);
    }

    /// @inheritdoc ILaunchpad
    function setMigrationFee(uint256 migrationFee_) external onlyOwner {
        if (migrationFee_ > MAX_MIGRATION_FEE) revert Launchpad_MigrationFeeTooHigh(migrationFee_, MAX_MIGRATION_FEE);
        _migrationFee = migrationFee_;
        emit MigrationFeeUpdated(migrationFee_);
    }

    /// @inheritdoc ILaunchpad
    function feeBps() public view returns (uint16) {
        return _feeBps;
    }

    /// @inheritdoc ILaunchpad
    function feeRecipient() public view returns (address) {
        return _feeRecipient;
    }

    /// @inheritdoc ILaunchpad
    function migrationFee() public view returns (uint256) {
        return _migrationFee;
    }

    function _setFeeBps(uint16 feeBps_) private {
        if (feeBps_ > MAX_FEE_BPS) revert Launchpad_FeeTooHigh(feeBps_, MAX_FEE_BPS);
        _feeBps = feeBps_;
        emit FeeUpdated(feeBps_);
    }

    function _setFeeRecipient(address feeRecipient_) private {
        if (feeRecipient_ == address(0)) revert Launchpad_ZeroAddress();
        _feeRecipient = feeRecipient_;
        emit FeeRecipientUpdated(feeRecipient_);
    }
}
